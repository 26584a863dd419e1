import { initAll } from '../govuk/govuk-frontend.min.js'

initAll()

// Progressive enhancement, loaded only on pages that need it: the page works without it.
const here = (path) => new URL(path, import.meta.url).href

function loadScript (path) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = here(path)
    script.onload = resolve
    script.onerror = reject
    document.head.appendChild(script)
  })
}

function loadStyle (path) {
  const link = document.createElement('link')
  link.rel = 'stylesheet'
  link.href = here(path)
  document.head.appendChild(link)
}

const pickers = document.querySelectorAll('select[data-mappa-autocomplete]')
if (pickers.length) {
  loadStyle('../autocomplete/accessible-autocomplete.min.css')
  loadScript('../autocomplete/accessible-autocomplete.min.js').then(() => {
    pickers.forEach((select) => {
      const source = Array.from(select.options).filter((o) => o.value).map((o) => o.text)
      window.accessibleAutocomplete.enhanceSelectElement({
        selectElement: select,
        source,
        defaultValue: select.value ? select.options[select.selectedIndex].text : '',
        showAllValues: true,
        autoselect: false,
        minLength: 0
      })
    })
  })
}

const maps = document.querySelectorAll('[data-mappa-zone-map]')
if (maps.length) {
  loadStyle('../leaflet/leaflet.css')
  loadStyle('../leaflet-draw/leaflet.draw.css')
  loadScript('../leaflet/leaflet.js')
    .then(() => loadScript('../leaflet-draw/leaflet.draw.js'))
    .then(() => import('./zone-map.mjs'))
    .then(({ drawMap }) => maps.forEach(drawMap))
}
