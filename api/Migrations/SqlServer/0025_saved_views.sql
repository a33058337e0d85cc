-- Saved views (issue 19, item 9): a signed-in person's named filters for a list page, kept on the server so they open on
-- any device. page_key names the list (issues, ministry-issues, …); query_text is the list's query string without paging.
CREATE TABLE dbo.saved_views (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_saved_views PRIMARY KEY,
    user_id     BIGINT         NOT NULL CONSTRAINT fk_saved_views_user REFERENCES dbo.users (id),
    page_key    NVARCHAR(40)   NOT NULL,
    view_name   NVARCHAR(60)   NOT NULL,
    query_text  NVARCHAR(1000) NOT NULL,
    version     BIGINT         NOT NULL CONSTRAINT df_saved_views_version DEFAULT 1,
    created_at  DATETIME2(7)    NOT NULL
);
CREATE UNIQUE INDEX ux_saved_views_user_page_name ON dbo.saved_views (user_id, page_key, view_name);
