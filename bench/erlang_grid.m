% Erlang B and Erlang C over a grid of loads and agents with Octave's queueing package: the
% peer of bench_erlang_grid. bench/run sets grid_file and values_file, then runs this file:
%   octave --no-gui --quiet --norc --eval "grid_file = 'G'; values_file = 'V'; run('erlang_grid.m')"
% Writes "blocking p_wait" per grid point and prints one JSON object with the seconds each
% function takes for the whole grid (vector calls, as the package's documentation shows).
pkg load queueing
grid = load(grid_file);
A = grid(:, 1)';
m = grid(:, 2)';
tic;
b = erlangb(A, m);
b_seconds = toc;
tic;
c = erlangc(A, m);
c_seconds = toc;
out = fopen(values_file, 'w');
fprintf(out, '%.17g %.17g\n', [b; c]);
fclose(out);
info = pkg('list', 'queueing');
printf(['{"points": %d, "erlangb_s": %.9g, "erlangc_s": %.9g, "octave": "%s", ' ...
        '"queueing": "%s"}\n'], numel(A), b_seconds, c_seconds, OCTAVE_VERSION, info{1}.version);
