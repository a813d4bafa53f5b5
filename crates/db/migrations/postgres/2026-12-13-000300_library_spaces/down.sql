DROP TABLE library_spaces;
