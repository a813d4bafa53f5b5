DROP INDEX pd_requests_status;
DROP INDEX pd_requests_user;
DROP TABLE pd_requests;
