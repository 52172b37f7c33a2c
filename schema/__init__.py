"""The project TEI profile (XSD 1.1), installed as the data package tei_edition.data_schema."""
