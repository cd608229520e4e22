// fedcat's embeddable elements, as one ES module any page can load:
//   <script type="module" src="https://fedcat.example.nl/elements.js"></script>
//   <fedcat-search api="https://fedcat.example.nl/"></fedcat-search>
// See docs/embedding.md.
export { FedcatSearch } from './components/fedcat-search.js';
export { FedcatDataset } from './components/fedcat-dataset.js';
export { FedcatApiCard } from './components/fedcat-api-card.js';
export { FedcatAccessConditions } from './components/fedcat-access-conditions.js';
export { setLang } from './lib/i18n.js';
