/*
 * raytrace: a Whitted-style ray tracer (spheres, a checkered plane, point lights,
 * shadows, Phong highlights, reflections) rendering into an 8-bit RGB buffer.
 *
 * Usage: raytrace [WIDTH]   (default 1280; height is 3/4 of the width)
 * Every pixel averages 2x2 samples. The output is exactly reproducible on any IEEE-754
 * platform: only + - * / and sqrt/floor (both correctly rounded) touch doubles, and
 * nothing is printed as a float. It prints a checksum of the quantized pixels, channel
 * sums, a histogram of luminance and a coarse ASCII rendering of the image.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { DEFAULT_WIDTH = 1280, MAX_DEPTH = 5, SAMPLES = 2 };

typedef struct {
  double x, y, z;
} Vec;

static Vec v(double x, double y, double z) {
  Vec r = {x, y, z};
  return r;
}
static Vec add(Vec a, Vec b) { return v(a.x + b.x, a.y + b.y, a.z + b.z); }
static Vec sub(Vec a, Vec b) { return v(a.x - b.x, a.y - b.y, a.z - b.z); }
static Vec scale(Vec a, double s) { return v(a.x * s, a.y * s, a.z * s); }
static Vec mul(Vec a, Vec b) { return v(a.x * b.x, a.y * b.y, a.z * b.z); }
static double dot(Vec a, Vec b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static Vec normalize(Vec a) { return scale(a, 1.0 / sqrt(dot(a, a))); }

typedef struct {
  Vec center;
  double radius;
  Vec color;
  double reflect, specular;
} Sphere;

typedef struct {
  Vec position, color;
} Light;

static const Sphere kSpheres[] = {
    {{0.0, 1.0, 5.0}, 1.0, {0.9, 0.2, 0.2}, 0.25, 50.0},
    {{-2.2, 0.7, 6.0}, 0.7, {0.2, 0.8, 0.3}, 0.1, 10.0},
    {{2.1, 0.8, 4.2}, 0.8, {0.2, 0.4, 0.95}, 0.5, 80.0},
    {{0.9, 0.35, 3.2}, 0.35, {0.95, 0.85, 0.2}, 0.05, 5.0},
    {{-0.9, 0.3, 3.4}, 0.3, {0.9, 0.9, 0.9}, 0.8, 120.0},
    {{0.0, 3.5, 9.0}, 1.8, {0.7, 0.5, 0.9}, 0.3, 30.0},
};
enum { SPHERE_COUNT = sizeof kSpheres / sizeof kSpheres[0] };

static const Light kLights[] = {
    {{-4.0, 6.0, 0.0}, {0.7, 0.7, 0.65}},
    {{5.0, 4.0, 2.0}, {0.35, 0.35, 0.45}},
};
enum { LIGHT_COUNT = sizeof kLights / sizeof kLights[0] };

static const double kAmbient = 0.08;
static const double kInfinity = 1e30;

/* Nearest hit along origin + t*dir for t > 1e-6. Returns the sphere index, -1 for the
 * floor plane y = 0, or -2 for nothing. */
static int intersect(Vec origin, Vec dir, double *t_hit) {
  int hit = -2;
  double best = kInfinity;
  for (int i = 0; i < SPHERE_COUNT; i++) {
    Vec oc = sub(origin, kSpheres[i].center);
    double b = dot(oc, dir);
    double c = dot(oc, oc) - kSpheres[i].radius * kSpheres[i].radius;
    double disc = b * b - c;
    if (disc < 0) continue;
    double root = sqrt(disc);
    double t = -b - root;
    if (t < 1e-6) t = -b + root;
    if (t > 1e-6 && t < best) {
      best = t;
      hit = i;
    }
  }
  if (dir.y < -1e-9) {
    double t = -origin.y / dir.y;
    if (t > 1e-6 && t < best) {
      best = t;
      hit = -1;
    }
  }
  *t_hit = best;
  return hit;
}

static Vec sky(Vec dir) {
  double t = 0.5 * (dir.y + 1.0);
  return add(scale(v(1.0, 1.0, 1.0), 1.0 - t), scale(v(0.35, 0.55, 0.95), t));
}

static double power(double x, int n) {
  double r = 1.0;
  while (n > 0) {
    if (n & 1) r *= x;
    x *= x;
    n >>= 1;
  }
  return r;
}

static Vec trace(Vec origin, Vec dir, int depth) {
  double t;
  int hit = intersect(origin, dir, &t);
  if (hit == -2) return sky(dir);

  Vec point = add(origin, scale(dir, t));
  Vec normal, color;
  double reflect, specular;
  if (hit >= 0) {
    normal = normalize(sub(point, kSpheres[hit].center));
    color = kSpheres[hit].color;
    reflect = kSpheres[hit].reflect;
    specular = kSpheres[hit].specular;
  } else {
    normal = v(0.0, 1.0, 0.0);
    double cells = floor(point.x) + floor(point.z); /* exact: far below 2^53 */
    double check = cells - 2.0 * floor(cells * 0.5);
    color = check != 0.0 ? v(0.85, 0.85, 0.85) : v(0.15, 0.15, 0.18);
    reflect = 0.15;
    specular = 0.0;
  }

  Vec result = scale(color, kAmbient);
  for (int l = 0; l < LIGHT_COUNT; l++) {
    Vec to_light = sub(kLights[l].position, point);
    double distance = sqrt(dot(to_light, to_light));
    Vec ldir = scale(to_light, 1.0 / distance);
    double diffuse = dot(normal, ldir);
    if (diffuse <= 0) continue;
    double shadow_t;
    Vec shadow_origin = add(point, scale(normal, 1e-4));
    if (intersect(shadow_origin, ldir, &shadow_t) != -2 && shadow_t < distance) continue;
    result = add(result, mul(scale(color, diffuse), kLights[l].color));
    if (specular > 0) {
      Vec half = normalize(sub(ldir, dir));
      double s = dot(normal, half);
      if (s > 0) result = add(result, scale(kLights[l].color, power(s, (int)specular)));
    }
  }
  if (depth < MAX_DEPTH && reflect > 0) {
    Vec r = sub(dir, scale(normal, 2.0 * dot(dir, normal)));
    Vec bounced = trace(add(point, scale(normal, 1e-4)), r, depth + 1);
    result = add(scale(result, 1.0 - reflect), scale(bounced, reflect));
  }
  return result;
}

static int quantize(double c) {
  if (c <= 0) return 0;
  if (c >= 1) return 255;
  return (int)(c * 255.0 + 0.5);
}

static long parse_size(int argc, char **argv, long fallback) {
  if (argc < 2) return fallback;
  char *end;
  long w = strtol(argv[1], &end, 10);
  if (*end != '\0' || w < 4 || w > 8192) {
    fprintf(stderr, "usage: %s [WIDTH]  (4..8192)\n", argv[0]);
    exit(2);
  }
  return w;
}

int main(int argc, char **argv) {
  int width = (int)parse_size(argc, argv, DEFAULT_WIDTH);
  int height = width * 3 / 4;
  uint8_t *pixels = malloc((size_t)width * (size_t)height * 3);
  if (!pixels) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  Vec eye = v(0.0, 1.6, -1.0);
  double aspect = (double)width / height;
  for (int y = 0; y < height; y++) {
    for (int x = 0; x < width; x++) {
      Vec acc = v(0, 0, 0);
      for (int sy = 0; sy < SAMPLES; sy++) {
        for (int sx = 0; sx < SAMPLES; sx++) {
          double u = ((x + (sx + 0.5) / SAMPLES) / width * 2.0 - 1.0) * aspect;
          double w = 1.0 - (y + (sy + 0.5) / SAMPLES) / height * 2.0;
          Vec dir = normalize(v(u * 0.9, w * 0.9 - 0.25, 1.6));
          acc = add(acc, trace(eye, dir, 0));
        }
      }
      acc = scale(acc, 1.0 / (SAMPLES * SAMPLES));
      uint8_t *p = pixels + ((size_t)y * width + x) * 3;
      p[0] = (uint8_t)quantize(acc.x);
      p[1] = (uint8_t)quantize(acc.y);
      p[2] = (uint8_t)quantize(acc.z);
    }
  }

  uint64_t hash = 0xcbf29ce484222325ull;
  uint64_t sums[3] = {0, 0, 0};
  unsigned histogram[8] = {0};
  size_t count = (size_t)width * height;
  for (size_t i = 0; i < count * 3; i++) {
    hash = (hash ^ pixels[i]) * 0x100000001b3ull;
    sums[i % 3] += pixels[i];
  }
  for (size_t i = 0; i < count; i++) {
    const uint8_t *p = pixels + i * 3;
    unsigned luma = (299u * p[0] + 587u * p[1] + 114u * p[2]) / 1000u;
    histogram[luma / 32]++;
  }
  printf("image %dx%d, %d samples per pixel\n", width, height, SAMPLES * SAMPLES);
  printf("pixel checksum %016llx\n", (unsigned long long)hash);
  printf("channel sums r=%llu g=%llu b=%llu\n", (unsigned long long)sums[0],
         (unsigned long long)sums[1], (unsigned long long)sums[2]);
  printf("luminance histogram");
  for (int i = 0; i < 8; i++) printf(" %u", histogram[i]);
  printf("\n");

  /* ASCII preview: 64 columns, each cell the mean luminance of its block. */
  static const char ramp[] = " .:-=+*#%@";
  int cols = width < 64 ? width : 64;
  int rows = height < 24 ? height : 24;
  for (int r = 0; r < rows; r++) {
    putchar('|');
    for (int c = 0; c < cols; c++) {
      int y0 = r * height / rows, y1 = (r + 1) * height / rows;
      int x0 = c * width / cols, x1 = (c + 1) * width / cols;
      unsigned long total = 0, n = 0;
      for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
          const uint8_t *p = pixels + ((size_t)y * width + x) * 3;
          total += (299u * p[0] + 587u * p[1] + 114u * p[2]) / 1000u;
          n++;
        }
      unsigned long luma = n ? total / n : 0;
      putchar(ramp[luma * 10 / 256]);
    }
    printf("|\n");
  }
  free(pixels);
  return 0;
}
