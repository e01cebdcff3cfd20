"""The Dask executor: a season's deck jobs as tasks on a Dask cluster (``kitgen build --executor dask``).

Needs the ``dask`` extra (``pip install 'kitgen[dask]'``) on the client and on every worker.
"""

from generator.build.cluster.executor import ClusterRun, check_versions, connected

__all__ = ["ClusterRun", "check_versions", "connected"]
