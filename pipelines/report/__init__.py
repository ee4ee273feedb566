"""The analyst report: a static HTML page of charts made from the queries in sql/, written beside the warehouse."""
