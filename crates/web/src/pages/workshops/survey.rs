//! (Scaffold: this module's pages are written in a parallel branch.)

use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r
}
