export { startDemoPublisher, type DemoPublisher } from './demo/publisher.js';
export { freePort } from './cli/free-port.js';
