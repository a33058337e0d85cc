-- Saved views (issue 19, item 9): a signed-in person's named filters for a list page, kept on the server so they open on
-- any device. page_key names the list (issues, ministry-issues, …); query_text is the list's query string without paging.
CREATE TABLE saved_views (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    page_key    TEXT    NOT NULL,
    view_name   TEXT    NOT NULL,
    query_text  TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_saved_views_user_page_name ON saved_views (user_id, page_key, view_name);
