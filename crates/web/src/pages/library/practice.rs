//! The practice library: practice.

use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r
}
