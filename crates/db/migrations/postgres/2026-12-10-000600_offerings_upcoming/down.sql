DROP INDEX offerings_upcoming;
