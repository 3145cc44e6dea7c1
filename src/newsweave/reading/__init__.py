"""Reading what users have (files, directories, JSONL, stdin, HTML pages) into stories,
within size limits and whatever the encoding."""
