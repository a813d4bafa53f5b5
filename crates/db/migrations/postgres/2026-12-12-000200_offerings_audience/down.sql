DROP INDEX offerings_audience;
