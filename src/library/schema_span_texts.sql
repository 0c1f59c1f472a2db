-- From this version, an item of a story's analysis lists (`article_analysis`) stores
-- `null` for its text when the text is the body's at the item's span (see
-- library/analysis_json.rs), so an older build, which expects every text, refuses the
-- library instead of reading such a list as damaged. Lists stored before keep their
-- texts and read as they did; nothing is rewritten.
SELECT 1;
