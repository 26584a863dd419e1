// The map of exclusion zones and a person's addresses (Leaflet, with Leaflet.draw to draw and
// edit). It enhances the GeoJSON text box, which stays the way to enter a zone without it.
/* global L */

const ENGLAND_AND_WALES = [[49.9, -6.4], [55.9, 1.8]]

function readJson (id) {
  const element = id && document.getElementById(id)
  return element ? JSON.parse(element.textContent) : []
}

function parseZone (text) {
  try {
    const data = JSON.parse(text)
    return data && data.type ? data : null
  } catch (error) {
    return null
  }
}

// The drawn polygons as one GeoJSON geometry: a Polygon, or a MultiPolygon for several.
function geometryOf (group) {
  const polygons = []
  group.eachLayer((layer) => {
    const geometry = layer.toGeoJSON().geometry
    if (geometry.type === 'Polygon') polygons.push(geometry.coordinates)
    if (geometry.type === 'MultiPolygon') polygons.push(...geometry.coordinates)
  })
  if (!polygons.length) return null
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] }
  return { type: 'MultiPolygon', coordinates: polygons }
}

function addZone (group, zone, style) {
  L.geoJSON(zone, { style }).eachLayer((layer) => {
    if (layer instanceof L.Polygon) group.addLayer(layer)
  })
}

export function drawMap (container) {
  const map = L.map(container, { scrollWheelZoom: false })
  const tiles = container.dataset.tiles
  if (tiles) {
    L.tileLayer(tiles, { attribution: container.dataset.attribution || '', maxZoom: 19 }).addTo(map)
  }
  const bounds = []
  const zoneStyle = { color: '#d4351c', weight: 3, fillOpacity: 0.2 }

  const zones = L.featureGroup().addTo(map)
  readJson(container.dataset.zones).forEach((zone) => {
    addZone(zones, zone.geometry, zoneStyle)
  })

  readJson(container.dataset.addresses).forEach((address) => {
    const marker = L.circleMarker([address.latitude, address.longitude], {
      radius: 7, color: '#1d70b8', weight: 3, fillOpacity: 0.8
    })
    const placed = address.by_postcode ? ' (placed by its postcode)' : ''
    marker.bindTooltip(`${address.label}${placed}`).addTo(map)
    bounds.push([address.latitude, address.longitude])
  })

  const field = container.dataset.zoneField && document.getElementById(container.dataset.zoneField)
  if (field) {
    const drawn = L.featureGroup().addTo(map)
    const fromField = () => {
      const zone = parseZone(field.value)
      if (!zone) return
      drawn.clearLayers()
      addZone(drawn, zone.type === 'Feature' ? zone.geometry : zone, zoneStyle)
    }
    const toField = () => {
      const geometry = geometryOf(drawn)
      field.value = geometry ? JSON.stringify(geometry) : ''
      field.dispatchEvent(new Event('input', { bubbles: true }))
    }
    fromField()
    field.addEventListener('change', () => {
      fromField()
      if (drawn.getLayers().length) map.fitBounds(drawn.getBounds(), { maxZoom: 17 })
    })
    map.addControl(new L.Control.Draw({
      position: 'topright',
      draw: {
        polygon: { allowIntersection: false, showArea: false, shapeOptions: zoneStyle },
        rectangle: { shapeOptions: zoneStyle },
        polyline: false,
        circle: false,
        circlemarker: false,
        marker: false
      },
      edit: { featureGroup: drawn }
    }))
    map.on(L.Draw.Event.CREATED, (event) => {
      drawn.addLayer(event.layer)
      toField()
    })
    map.on(L.Draw.Event.EDITED, toField)
    map.on(L.Draw.Event.DELETED, toField)
    drawn.eachLayer((layer) => {
      const box = layer.getBounds()
      bounds.push(box.getSouthWest(), box.getNorthEast())
    })
  }

  if (zones.getLayers().length) {
    const box = zones.getBounds()
    bounds.push(box.getSouthWest(), box.getNorthEast())
  }
  if (bounds.length) {
    map.fitBounds(L.latLngBounds(bounds).pad(0.2), { maxZoom: 17 })
  } else {
    map.fitBounds(ENGLAND_AND_WALES)
  }
  container.dataset.ready = 'true'
}
