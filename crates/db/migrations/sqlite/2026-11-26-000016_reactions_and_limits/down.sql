DROP INDEX posts_author;
DROP TABLE reactions;
