// Preloaded into Azurite by scripts/azurite.mjs (node --require). Azurite's garbage collectors (the queue's every 60 s)
// delete unreferenced extents one at a time, each through LokiJS's findAndRemove, which costs time proportional to the
// collection: quadratic in the extents a minute of work leaves behind. Measured here: 2,800 extents took 24.6 s, and
// Azurite — blobs, queues and tables share its one event loop — answered nothing meanwhile (engine requests waited up
// to 20 s, partition leases timed out, benchmarks stalled every minute). This replaces the two extent stores'
// deleteExtents with one batched removal (same result: the files or memory chunks and their metadata rows go).
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const src = path.join(__dirname, '..', 'node_modules', 'azurite', 'dist', 'src', 'common', 'persistence');
const load = (name) => require(path.join(src, name)).default;

function removeMetadata(metadataStore, ids) {
  if (ids.length === 0) return;
  const collection = metadataStore.db.getCollection(metadataStore.EXTENTS_COLLECTION);
  const doomed = new Set(ids);
  collection.removeWhere((doc) => doomed.has(doc.id));
}

const MemoryExtentStore = load('MemoryExtentStore.js');
MemoryExtentStore.prototype.deleteExtents = async function deleteExtents(extents) {
  const ids = [...extents];
  for (const id of ids) this.chunks.delete(this.categoryName, id);
  removeMetadata(this.metadataStore, ids);
  return ids.length;
};

const FSExtentStore = load('FSExtentStore.js');
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
