# Makes an any-size copy of the IS-Net model described by examples/models/isnet-general-use.model.json
# and a description that runs it at 512x512: four times less work than its native 1024x1024, for
# CPUs. The exported IS-Net hard-codes the target size of each of its 39 Resize nodes (the size
# of the feature map it is concatenated with, or of the input for the side outputs); this script
# computes those sizes from the tensors' shapes instead, so the graph takes any multiple of 32.
# At 1024x1024 the copy gives the original's output (within 1e-3).
#
#   apt-get install python3-onnx   # Debian's onnx
#   /usr/bin/python3 -I scripts/make-isnet-any-size.py [size]
#
# Writes .cache/models/isnet-general-use-any-size.onnx and
# .cache/models/isnet-general-use-<size>.model.json (ignored by git; nothing is downloaded).
import hashlib
import json
import os
import sys

import onnx
from onnx import TensorProto, helper

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
size = int(sys.argv[1]) if len(sys.argv) > 1 else 512
if size % 32:
    raise SystemExit('the size must be a multiple of 32')
manifest_path = os.path.join(root, 'examples/models/isnet-general-use.model.json')
spec = json.load(open(manifest_path))
data = b''.join(open(os.path.normpath(os.path.join(os.path.dirname(manifest_path), f['url'])), 'rb').read() for f in spec['files'])
if hashlib.sha256(data).hexdigest() != spec['sha256']:
    raise SystemExit('the IS-Net files do not match their description')
model = onnx.load_from_string(data)
graph = model.graph
source = graph.input[0].name
consumers = {}
for node in graph.node:
    for name in node.input:
        consumers.setdefault(name, []).append(node)


def const(name, values):
    return helper.make_node('Constant', [], [name], value=helper.make_tensor(name + '_value', TensorProto.INT64, [len(values)], values))


added = []
for index, node in enumerate([n for n in graph.node if n.op_type == 'Resize']):
    outputs = [node.output[0]] + [c.output[0] for c in consumers.get(node.output[0], []) if c.op_type == 'Cast']
    target = source
    for consumer in (c for name in outputs for c in consumers.get(name, [])):
        if consumer.op_type == 'Concat':
            others = [name for name in consumer.input if name not in outputs]
            if others:
                target = others[0]
    p = f'any_size_{index}_'
    added += [
        helper.make_node('Shape', [node.input[0]], [p + 'x']),
        const(p + 'i0', [0]),
        const(p + 'i2', [2]),
        const(p + 'i4', [4]),
        helper.make_node('Slice', [p + 'x', p + 'i0', p + 'i2'], [p + 'nc']),
        helper.make_node('Shape', [target], [p + 't']),
        helper.make_node('Slice', [p + 't', p + 'i2', p + 'i4'], [p + 'hw']),
        helper.make_node('Concat', [p + 'nc', p + 'hw'], [p + 'sizes'], axis=0),
    ]
    node.input[3] = p + 'sizes'

# The new nodes read tensors made further down the graph: sort it again.
available = {i.name for i in graph.input} | {i.name for i in graph.initializer} | {''}
pending = list(graph.node) + added
ordered = []
while pending:
    ready = [n for n in pending if all(i in available for i in n.input)]
    if not ready:
        raise SystemExit('could not order the graph')
    for n in ready:
        ordered.append(n)
        available.update(n.output)
    pending = [n for n in pending if n not in ready]
del graph.node[:]
graph.node.extend(ordered)
dims = graph.input[0].type.tensor_type.shape.dim
dims[2].dim_param, dims[3].dim_param = 'height', 'width'
del graph.value_info[:]
for output in graph.output:
    output.type.tensor_type.shape.dim[2].dim_param = 'height'
    output.type.tensor_type.shape.dim[3].dim_param = 'width'

out_dir = os.path.join(root, '.cache/models')
os.makedirs(out_dir, exist_ok=True)
onnx_path = os.path.join(out_dir, 'isnet-general-use-any-size.onnx')
onnx.save(model, onnx_path)
data = open(onnx_path, 'rb').read()
digest = hashlib.sha256(data).hexdigest()
derived = dict(spec)
derived.update({
    'id': f'isnet-general-use-{size}',
    'name': f'IS-Net general use, any-size copy run at {size}x{size}',
    'files': [{'url': 'isnet-general-use-any-size.onnx', 'sha256': digest, 'bytes': len(data)}],
    'sha256': digest,
    'bytes': len(data),
})
derived['input'] = dict(spec['input'], width=size, height=size)
derived['licence'] = dict(spec['licence'], note=spec['licence']['note'] + f' Made by scripts/make-isnet-any-size.py (resize targets from tensor shapes), run at {size}x{size}.')
with open(os.path.join(out_dir, f'isnet-general-use-{size}.model.json'), 'w') as f:
    json.dump(derived, f, indent=2)
    f.write('\n')
print(f'wrote {onnx_path} ({len(data)} bytes) and isnet-general-use-{size}.model.json')
