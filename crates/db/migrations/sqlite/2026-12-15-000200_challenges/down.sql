DROP TABLE challenge_counts;
DROP TABLE challenge_reports;
