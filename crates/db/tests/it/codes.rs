//! Fixed codes stored as text are read into their domain enums as rows are
//! read (`lyceum_db::codes::Code`): a code the enum does not know fails the
//! read, as a column of the wrong type would, rather than passing on as text
//! or as some default.

use crate::T0;
use diesel::prelude::*;
use lyceum_db::orgs;
use lyceum_db::schema::orgs as orgs_table;
use lyceum_domain::org::OrgKind;
use lyceum_testdb::TestDb;

#[test]
fn an_organisation_kind_is_read_into_its_enum_and_an_unknown_one_fails_the_read() {
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let root = orgs::create_root(&mut c, "Programme", T0).unwrap();
    assert_eq!(root.kind, OrgKind::Programme);
    assert_eq!(
        orgs::get(&mut c, root.id()).unwrap().kind,
        OrgKind::Programme
    );

    diesel::update(orgs_table::table.find(root.id))
        .set(orgs_table::kind.eq("galaxy"))
        .execute(&mut *c)
        .unwrap();
    let read = orgs::by_id(&mut c, root.id());
    assert!(read.is_err(), "an unknown kind was read: {read:?}");
}
