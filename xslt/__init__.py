"""The XSLT 3.0 stylesheets, installed as the data package tei_edition.data_xslt."""
