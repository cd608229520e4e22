// The fedcat web UI bundle: the whole app. Load with <script type="module" src="/app.js">.
import './components/fedcat-app.js';
