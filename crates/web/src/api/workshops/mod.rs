//! Workshops in the API: offerings and sessions (`offerings`), managing
//! them (`manage`), attendance and credit (`attendance`), calendars
//! (`calendar`) and surveys (`survey`). Each module keeps its own OpenAPI
//! list (`Doc`), merged into the document by `openapi::spec`.

mod attendance;
mod calendar;
mod manage;
mod offerings;
mod survey;

use crate::routes::Routes;
use utoipa::OpenApi;

/// Registered relative to `/api`, like the rest of the API.
pub fn routes(r: Routes) -> Routes {
    let r = offerings::routes(r);
    let r = manage::routes(r);
    let r = attendance::routes(r);
    let r = calendar::routes(r);
    survey::routes(r)
}

pub fn docs() -> Vec<utoipa::openapi::OpenApi> {
    vec![
        offerings::Doc::openapi(),
        manage::Doc::openapi(),
        attendance::Doc::openapi(),
        calendar::Doc::openapi(),
        survey::Doc::openapi(),
    ]
}
