// The web editor page: Decap CMS with the catalogue's YAML format, Swedish throughout, and the configuration
// insatsbas generated (in the page's setup JSON, so that no configuration file is fetched).
import { createFormat } from './insatsbas-yaml.js';
import { expandConfig } from './setup.js';
import { completed } from './swedish.js';

const setup = JSON.parse(document.getElementById('insatsbas-editor').textContent);
window.CMS.registerLocale('sv', completed(window.CMS.getLocale('sv')));
window.CMS.registerCustomFormat(setup.format, 'yml', createFormat(setup.layout));
window.CMS.init({ config: expandConfig(setup) });
