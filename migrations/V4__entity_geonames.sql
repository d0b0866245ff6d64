-- Places carry their GeoNames id (https://www.geonames.org/<id>).
ALTER TABLE entities ADD COLUMN geonames_id bigint;
