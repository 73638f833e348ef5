// Preloaded into Azurite by scripts/azurite.mjs (node --require). Azurite's garbage collectors (the queue's every 60 s)
// delete unreferenced extents one at a time, each through LokiJS's findAndRemove, which scans the collection: quadratic
// in the extents a minute of work leaves behind (the upstream cause: LokiJS removes one document at a time in time
// proportional to the collection, techfort/LokiJS#908 and #663; Azurite's MemoryExtentStore/FSExtentStore.deleteExtents
// call LokiExtentMetadataStore.deleteExtent per id). Measured here: 2,800 extents took 24.6 s, and Azurite — blobs,
// queues and tables share its one event loop — answered nothing meanwhile (engine requests waited up to 20 s, partition
// leases timed out, benchmarks stalled every minute). This replaces the two extent stores' deleteExtents with one
// batched removal (same result: the files or memory chunks and their metadata rows go).
//
// It patches Azurite's internals, so it refuses to load (Azurite does not start, with this message) unless they are the
// ones it was written for: the Azurite version below, its LokiJS metadata store (not the SQL one AZURITE_DB selects),
// and the per-extent deleteExtents bodies it replaces. After an Azurite upgrade: re-read those two methods, re-measure
// (bench/batch-scale.sh), then update WRITTEN_FOR.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const WRITTEN_FOR = '3.37.0';
const azurite = path.join(__dirname, '..', 'node_modules', 'azurite');

function refuse(reason) {
  throw new Error(`scripts/azurite-gc-fix.cjs refuses to patch Azurite: ${reason} `
    + `It replaces Azurite ${WRITTEN_FOR}'s extent garbage collection (docs/durable.md, "Azurite's extent garbage collection").`);
}

const version = JSON.parse(fs.readFileSync(path.join(azurite, 'package.json'), 'utf8')).version;
if (version !== WRITTEN_FOR) {
  refuse(`it was written for Azurite ${WRITTEN_FOR} and found ${version} in ${azurite}. `
    + `Check that ${version}'s MemoryExtentStore/FSExtentStore.deleteExtents still delete one extent at a time through `
    + `LokiExtentMetadataStore.deleteExtent, then update WRITTEN_FOR.`);
}
if (process.env.AZURITE_DB) {
  refuse('AZURITE_DB selects the SQL metadata store; the patch removes rows from the LokiJS store only.');
}

const persistence = path.join(azurite, 'dist', 'src', 'common', 'persistence');
const load = (name) => require(path.join(persistence, name)).default;
const MemoryExtentStore = load('MemoryExtentStore.js');
const FSExtentStore = load('FSExtentStore.js');
const LokiExtentMetadataStore = load('LokiExtentMetadataStore.js');
for (const [name, store] of [['MemoryExtentStore', MemoryExtentStore], ['FSExtentStore', FSExtentStore]]) {
  if (typeof store?.prototype?.deleteExtents !== 'function' || !store.prototype.deleteExtents.toString().includes('metadataStore.deleteExtent(')) {
    refuse(`${name}.deleteExtents is not the per-extent loop it replaces.`);
  }
}

function removeMetadata(metadataStore, ids) {
  if (ids.length === 0) return;
  if (!(metadataStore instanceof LokiExtentMetadataStore)) {
    refuse(`the extent metadata store is ${metadataStore?.constructor?.name}, not LokiExtentMetadataStore.`);
  }
  const collection = metadataStore.db.getCollection(metadataStore.EXTENTS_COLLECTION);
  const doomed = new Set(ids);
  collection.removeWhere((doc) => doomed.has(doc.id));
}

MemoryExtentStore.prototype.deleteExtents = async function deleteExtents(extents) {
  const ids = [...extents];
  for (const id of ids) this.chunks.delete(this.categoryName, id);
  removeMetadata(this.metadataStore, ids);
  return ids.length;
};

FSExtentStore.prototype.deleteExtents = async function deleteExtents(extents) {
  const removed = [];
  for (const id of extents) {
    // An extent still being written is skipped, as Azurite's own implementation does.
    if (this.isActiveExtent(id)) continue;
    const locationId = await this.metadataStore.getExtentLocationId(id);
    try {
      await fs.promises.unlink(this.generateExtentPath(locationId, id));
    } catch (err) {
      if (err.code !== 'ENOENT') continue;
    }
    removed.push(id);
  }
  removeMetadata(this.metadataStore, removed);
  return removed.length;
};
