-- portability: a Hiwar export (NDJSON) can be imported too, to restore a site.
alter table import_jobs drop constraint import_jobs_format_check;
alter table import_jobs add constraint import_jobs_format_check check (format in ('wxr', 'disqus', 'ndjson'));
