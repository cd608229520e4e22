// The fedcat web UI bundle: the whole app. Load with <script type="module" src="/app.js">.
import type { FedcatApp } from './components/fedcat-app.js';
import './components/fedcat-app.js';
import { readPreload } from './lib/preload.js';

// A page the server rendered carries its route and data: the app's first render shows the same, without asking again.
const preload = readPreload(document);
const app = document.querySelector<FedcatApp>('fedcat-app');
if (app && preload) app.preload = preload;
