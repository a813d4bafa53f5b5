//! The practice library in the API: browse.

use crate::routes::Routes;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi()]
pub struct Doc;

pub fn routes(r: Routes) -> Routes {
    r
}
