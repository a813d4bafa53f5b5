DROP INDEX competencies_framework;
DROP TABLE competencies;
DROP TABLE competency_levels;
DROP TABLE competency_frameworks;
