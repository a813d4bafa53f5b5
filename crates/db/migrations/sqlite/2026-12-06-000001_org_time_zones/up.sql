-- Each organisation may name its IANA time zone; one without inherits the
-- nearest ancestor's (the programme default above all). Dates people see,
-- school years and ledger dates are computed on that zone's calendar.
ALTER TABLE orgs ADD COLUMN time_zone TEXT;
