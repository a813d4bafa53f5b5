DROP TABLE ai_tool_org_status;
DROP TABLE ai_tool_rating_counts;
DROP TABLE ai_tool_reviews;
DROP TABLE ai_tools;
