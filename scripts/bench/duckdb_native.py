"""The native DuckDB side of the big-file bench: the grouped sum of werkzaam per
arbeidsmarktregio and kwartaal from the CSV named on the command line; prints the number of
groups and the total as JSON (checked against the generator's facts by big.mjs)."""
import json
import sys

import duckdb

path = sys.argv[1].replace("'", "''")
con = duckdb.connect()
rows = con.execute(
    f"SELECT arbeidsmarktregio, kwartaal, sum(werkzaam) FROM read_csv('{path}') GROUP BY ALL"
).fetchall()
threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
print(json.dumps({"groups": len(rows), "sum": int(sum(r[2] for r in rows)), "version": duckdb.__version__, "threads": threads}))
