"""`invoiceme`: the operator's command-line tool."""
