"""Collections: many articles at once (a folder, an outlet's month, an archive).

    scan.find_articles(paths)        which files of the given files and folders to analyse
    work.analyse_path(path)          one article → `Outcome` (runs in any process)
    runner.run(paths, jobs=…)        outcomes in input order: in this process, a process
                                     pool (`jobs`), or a Dask cluster (`dask_address`)
    record.ArticleRecord             what a collection keeps of one article
    aggregate.summarise(records)     voices across articles, quotations over time
    sheet.SheetWriter                the quote sheet (CSV, JSON lines, Parquet)
    store.RecordStore                records, file hashes and confirmed merges on disk

Nothing here imports Qt: the window's collection tab and the command line both use it.
"""
