// Each test file boots Medusa afresh: MikroORM keeps entity metadata globally, so clear it first.
const { MetadataStorage } = require('@medusajs/framework/mikro-orm/core');
MetadataStorage.clear();
