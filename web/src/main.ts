// The fedcat web UI bundle: defines every element. Load with <script type="module" src="/app.js">.
import './components/fedcat-app.js';
import './components/fedcat-record.js';
import './components/fedcat-search.js';
