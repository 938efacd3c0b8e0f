import { register } from '@shopify/web-pixels-extension';

import { startPixel } from './pixel';

register((api) => startPixel(api));
