// libtorch is one native runtime per process: a test class resizing its thread pool (a backend's first
// creation) while another class computes on it crashed the whole test host, which reported no summary.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
