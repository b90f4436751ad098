// A real, decodable baseline JPEG built byte by byte: one 8x8 mid-grey block.
// The API checks magic bytes, but a client written from the page should send what a camera would: a whole image.

const marker = (code, payload) => {
  const length = payload.length + 2;
  return [0xff, code, length >> 8, length & 0xff, ...payload];
};

// A Huffman table holding a single one-bit code ("0") for a single symbol.
const singleCodeTable = (tableClassAndId, symbol) =>
  marker(0xc4, [tableClassAndId, 1, ...new Array(15).fill(0), symbol]);

export function greyJpeg() {
  const ascii = (text) => [...text].map((c) => c.charCodeAt(0));
  return new Uint8Array([
    0xff, 0xd8, // start of image
    ...marker(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // JFIF 1.01, 1:1 density, no thumbnail
    ...marker(0xdb, [0x00, ...new Array(64).fill(1)]), // quantisation table 0, all ones
    ...marker(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]), // baseline, 8-bit, 8x8, one component using table 0
    ...singleCodeTable(0x00, 0x00), // DC table 0: "difference category 0"
    ...singleCodeTable(0x10, 0x00), // AC table 0: "end of block"
    ...marker(0xda, [1, 1, 0x00, 0, 63, 0]), // scan of component 1 with DC/AC tables 0
    0x3f, // bits "0" (DC difference 0) and "0" (end of block), padded with ones
    0xff, 0xd9, // end of image
  ]);
}
