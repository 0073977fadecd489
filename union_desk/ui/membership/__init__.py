"""会籍与会费 (issue 20): the area page, its dues and membership sub-pages and dialogs."""
