"""assay_client: send a Python model's predictions and labels to `assay serve`.

Standard library only. The same contract as the TypeScript `assay/client`; see ../README.md.
"""

from .client import AssayClient, ClientStats

__all__ = ["AssayClient", "ClientStats"]
__version__ = "0.1.0"
