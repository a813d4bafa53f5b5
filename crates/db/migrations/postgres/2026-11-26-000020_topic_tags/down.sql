DROP INDEX topic_tags_tag;
DROP TABLE topic_tags;
