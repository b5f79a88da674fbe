"""What the InvoiceMe services share: settings, logging, events, topology, database and storage."""
