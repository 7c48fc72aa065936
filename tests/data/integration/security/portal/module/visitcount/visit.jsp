<html><body></body></html>
