"""Batch extraction: a pure per-partition function, runners for local processes and Dask,
and the single writer that stores what they return.

    from comity.batch import ExtractSettings, extract, ingest
    for result in extract(articles, workers=2): ...                  # input order, as one worker
    count = ingest(store, articles, dask="local:2", run_id=run)     # one transaction per partition
"""
from .runner import extract, ordered, run_dask, run_local
from .sink import StoreSink, ingest
from .tasks import DEFAULT_PARTITION, ExtractSettings, Partition, partitions, pipeline_for, process_partition

__all__ = ["DEFAULT_PARTITION", "ExtractSettings", "Partition", "StoreSink", "extract", "ingest", "ordered",
           "partitions", "pipeline_for", "process_partition", "run_dask", "run_local"]
