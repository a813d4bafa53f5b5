//! Workshops on pages, a module per job: finding offerings and one's own
//! sessions (`find`), an offering's page with registering and cancelling
//! (`offering`), creating and running offerings for admins (`manage`),
//! attendance and check-in (`attendance`), calendars (`calendar`) and
//! surveys after sessions (`survey`). Who may see what is
//! `workshop_access`'s.

mod attendance;
mod calendar;
mod find;
mod manage;
mod offering;
mod survey;

use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    let r = find::routes(r);
    let r = offering::routes(r);
    let r = manage::routes(r);
    let r = attendance::routes(r);
    let r = calendar::routes(r);
    survey::routes(r)
}
