"""The course deck's pandas approach to the BME tick filter, as the benchmark's Python contender.

Usage: ticks_pandas.py INPUT OUTPUT
"""
import sys
import time

import pandas as pd

TICKERS = ["SAN", "TEF", "IDX"]


def main(source: str, target: str) -> None:
    start = time.perf_counter()
    ticks = pd.read_csv(source, sep=";", encoding="latin-1",
                        usecols=["FECHA", "VALOR", "VOLUMEN", "PRECIO", "HORAEJEC"])
    ticks["VALOR"] = ticks["VALOR"].str.strip()
    kept = ticks[ticks["VALOR"].isin(TICKERS)].copy()
    kept["TIME"] = kept["FECHA"] + " " + kept["HORAEJEC"]
    kept[["VALOR", "VOLUMEN", "PRECIO", "TIME"]].to_csv(target, index=False)
    print(f"pandas {pd.__version__}: {len(ticks)} filas leídas, {len(kept)} conservadas; "
          f"{time.perf_counter() - start:.3f} s dentro del script")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
