<?xml version="1.0" encoding="UTF-8"?>
<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2" gml:id="adressen">
  <gml:featureMember><Adres gml:id="a1"><postcode>9999AA</postcode><huisnummer>1</huisnummer></Adres></gml:featureMember>
</gml:FeatureCollection>
