"""The analytics read API: plain query functions and pure figures over the projection that the
analytics service owns (analytics_invoice_facts, insights). Other services read analytics only
through this package; only the analytics service writes those tables."""
